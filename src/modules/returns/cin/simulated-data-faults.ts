/** The cin return's deliberate data-entry slips in the synthetic borough (see ../simulated-data-fault.ts). */
import type { SimulatedDataFault } from '../simulated-data-fault.ts';

export const cinSimulatedDataFaults: readonly SimulatedDataFault[] = [];
