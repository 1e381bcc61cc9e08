/** The ssda903 return's deliberate data-entry slips in the synthetic borough (see ../simulated-data-fault.ts). */
import type { SimulatedDataFault } from '../simulated-data-fault.ts';

export const ssda903SimulatedDataFaults: readonly SimulatedDataFault[] = [];
