import type { Random } from './random.ts';

/** Name pools by broad heritage, so a synthetic family's names fit its recorded ethnicity. */
const pools = {
  white: {
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Walker', 'Wright', 'Thompson', 'Robinson', 'Murphy', 'Kelly', "O'Brien", 'Byrne', 'Novak', 'Kowalski', 'Rossi', 'Silva', 'Costa', 'Papadopoulos', 'Yilmaz', 'Demir', 'Popescu', 'Horvat'],
    female: ['Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Grace', 'Lily', 'Freya', 'Ella', 'Sophie', 'Chloe', 'Maja', 'Zofia', 'Giulia', 'Ana', 'Elif'],
    male: ['Oliver', 'George', 'Harry', 'Jack', 'Noah', 'Leo', 'Oscar', 'Charlie', 'Thomas', 'James', 'Liam', 'Jakub', 'Luca', 'Mateo', 'Emre', 'Nikolai'],
  },
  black: {
    surnames: ['Mensah', 'Okafor', 'Adeyemi', 'Osei', 'Mohamed', 'Ali', 'Hassan', 'Abdi', 'Campbell', 'Williams', 'Francis', 'Johnson', 'Boateng', 'Nwosu', 'Kamara', 'Tesfaye'],
    female: ['Amara', 'Abena', 'Zainab', 'Hodan', 'Ayaan', 'Chioma', 'Nia', 'Imani', 'Shanice', 'Keisha', 'Fatuma', 'Esi', 'Adaeze', 'Halima'],
    male: ['Kwame', 'Kofi', 'Tunde', 'Mohamed', 'Abdirahman', 'Chidi', 'Malik', 'Jerome', 'Tyrese', 'Emeka', 'Yusuf', 'Kojo', 'Ibrahim', 'Dwayne'],
  },
  asian: {
    surnames: ['Begum', 'Miah', 'Rahman', 'Uddin', 'Khan', 'Hussain', 'Ahmed', 'Patel', 'Shah', 'Singh', 'Kaur', 'Islam', 'Chowdhury', 'Hossain', 'Akhtar', 'Das'],
    female: ['Ayesha', 'Fatima', 'Sadia', 'Nusrat', 'Priya', 'Anika', 'Maryam', 'Sumaiya', 'Tahmina', 'Riya', 'Zara', 'Amina'],
    male: ['Mohammed', 'Rayan', 'Arif', 'Imran', 'Rahul', 'Aarav', 'Zayan', 'Tanvir', 'Hamza', 'Ishaan', 'Adam', 'Sami'],
  },
  chinese: {
    surnames: ['Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Huang', 'Lin', 'Wong', 'Ng', 'Chan'],
    female: ['Mei', 'Xin', 'Ling', 'Yan', 'Hui', 'Jia'],
    male: ['Wei', 'Jun', 'Hao', 'Ming', 'Kai', 'Tao'],
  },
  other: {
    surnames: ['Haddad', 'Nasser', 'Karimi', 'Ahmadi', 'Rezaei', 'Mansour', 'Aziz', 'Saleh', 'Dogan', 'Kaya', 'Santos', 'Garcia', 'Rodriguez', 'Nguyen', 'Tran', 'Kurt'],
    female: ['Layla', 'Yasmin', 'Sara', 'Noor', 'Lina', 'Dilan', 'Sofia', 'Maria', 'Linh', 'Hana'],
    male: ['Omar', 'Karim', 'Ali', 'Dara', 'Amir', 'Kerem', 'Diego', 'Mateus', 'Minh', 'Yousef'],
  },
};

type Heritage = keyof typeof pools;

export function heritageOf(ethnicity: string): Heritage {
  if (ethnicity.startsWith('W')) return 'white';
  if (ethnicity.startsWith('B')) return 'black';
  if (ethnicity === 'CHNE') return 'chinese';
  if (ethnicity.startsWith('A')) return 'asian';
  if (ethnicity.startsWith('M')) return 'other';
  return 'other';
}

export function surnameFor(random: Random, ethnicity: string): string {
  // Mixed-heritage families take a surname from either side.
  const heritage = ethnicity.startsWith('M') ? random.pick<Heritage>(['white', ethnicity === 'MWAS' ? 'asian' : 'black']) : heritageOf(ethnicity);
  return random.pick(pools[heritage].surnames);
}

export function forenameFor(random: Random, ethnicity: string, sex: 'M' | 'F' | 'U'): string {
  const pool = pools[ethnicity.startsWith('M') ? random.pick<Heritage>(['white', 'black', 'other']) : heritageOf(ethnicity)];
  return random.pick(sex === 'M' ? pool.male : sex === 'F' ? pool.female : [...pool.male, ...pool.female]);
}
