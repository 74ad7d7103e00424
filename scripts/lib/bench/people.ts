import type { Random } from "./random";

/**
 * Realistic-looking people for the large dataset: the firm places engineers from Latin
 * America, so names follow each country's conventions (Portuguese in Brazil, Spanish
 * elsewhere, often with two surnames). Every email is on a reserved example domain.
 */

type Language = "es" | "pt";

/** Countries with a rough share of the candidate pool. */
export const COUNTRIES: readonly (readonly [{ name: string; language: Language }, number])[] = [
  [{ name: "Brazil", language: "pt" }, 27],
  [{ name: "Mexico", language: "es" }, 18],
  [{ name: "Argentina", language: "es" }, 14],
  [{ name: "Colombia", language: "es" }, 14],
  [{ name: "Chile", language: "es" }, 8],
  [{ name: "Peru", language: "es" }, 5],
  [{ name: "Uruguay", language: "es" }, 4],
  [{ name: "Costa Rica", language: "es" }, 3],
  [{ name: "Ecuador", language: "es" }, 2],
  [{ name: "Venezuela", language: "es" }, 2],
  [{ name: "Guatemala", language: "es" }, 1],
  [{ name: "Bolivia", language: "es" }, 1],
  [{ name: "Paraguay", language: "es" }, 1],
];

const FIRST_NAMES: Record<Language, readonly string[]> = {
  es: [
    "Sofía", "Valentina", "Camila", "Isabella", "Mariana", "Lucía", "Daniela", "Gabriela", "Natalia", "Paula",
    "Carolina", "Andrea", "Fernanda", "Victoria", "Ximena", "Renata", "Florencia", "Agustina", "Josefina", "Catalina",
    "María José", "Ana Lucía", "Juliana", "Laura", "Alejandra", "Paola", "Verónica", "Luciana", "Martina", "Antonella",
    "Mateo", "Santiago", "Sebastián", "Nicolás", "Alejandro", "Diego", "Samuel", "Benjamín", "Tomás", "Joaquín",
    "Martín", "Lucas", "Emiliano", "Daniel", "Gabriel", "Andrés", "Felipe", "Juan Pablo", "José Luis", "Carlos",
    "Javier", "Ricardo", "Fernando", "Rodrigo", "Manuel", "Pablo", "Gonzalo", "Facundo", "Ignacio", "Esteban",
  ],
  pt: [
    "Ana", "Beatriz", "Júlia", "Larissa", "Fernanda", "Camila", "Letícia", "Mariana", "Gabriela", "Amanda",
    "Bruna", "Carolina", "Isabela", "Luana", "Rafaela", "Thaís", "Vitória", "Aline", "Patrícia", "Débora",
    "João", "Pedro", "Lucas", "Gabriel", "Rafael", "Guilherme", "Felipe", "Gustavo", "Matheus", "Thiago",
    "Bruno", "Leonardo", "Rodrigo", "Eduardo", "Vinícius", "Caio", "André", "Daniel", "Marcelo", "Henrique",
  ],
};

const SURNAMES: Record<Language, readonly string[]> = {
  es: [
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
    "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Cruz", "Ortiz", "Gutiérrez", "Chávez",
    "Ramos", "Ruiz", "Vargas", "Castillo", "Jiménez", "Moreno", "Romero", "Herrera", "Medina", "Aguilar",
    "Castro", "Vega", "Rojas", "Muñoz", "Fernández", "Álvarez", "Acosta", "Benítez", "Silva", "Sosa",
    "Figueroa", "Cabrera", "Paredes", "Quispe", "Mamani", "Salazar", "Valencia", "Cárdenas", "Osorio", "Zapata",
  ],
  pt: [
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
    "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
    "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
    "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Moura", "Campos", "Cavalcanti", "Monteiro",
  ],
};

const TITLES = [
  "Machine Learning Engineer",
  "Senior ML Engineer",
  "Senior Machine Learning Engineer",
  "Staff ML Engineer",
  "ML Platform Engineer",
  "MLOps Engineer",
  "Data Scientist",
  "Senior Data Scientist",
  "Applied Scientist",
  "AI Engineer",
  "Lead ML Engineer",
  "Backend Engineer (ML)",
] as const;

const INDUSTRIES = [
  "fintech",
  "e-commerce",
  "payments",
  "logistics",
  "ride-hailing",
  "insurance",
  "agritech",
  "healthtech",
  "media streaming",
  "marketplace",
  "telecom",
  "retail banking",
] as const;

const NOTE_TEMPLATES: readonly ((industry: string) => string)[] = [
  (industry) => `Built and operates the fraud-scoring service at a ${industry} company.`,
  (industry) => `Owns the demand-forecasting pipeline for a ${industry} business; retrains weekly.`,
  (industry) => `Led the migration from batch to online inference in ${industry}.`,
  (industry) => `Strong modelling background; production exposure in ${industry} to be confirmed.`,
  (industry) => `Referred by a placed engineer; works on search ranking in ${industry}.`,
  (industry) => `Maintains the shared feature store used by four teams at a ${industry} company.`,
  () => "Published at NeurIPS workshops; mostly research code so far.",
  () => "",
];

export interface PersonName {
  first: string;
  last: string;
  full: string;
}

export function personName(random: Random, language: Language): PersonName {
  const first = random.pick(FIRST_NAMES[language]);
  const surnames = SURNAMES[language];
  // Spanish-speaking candidates often give both surnames; Brazilians often one or two.
  const last = random.chance(language === "es" ? 0.45 : 0.3)
    ? `${random.pick(surnames)} ${random.pick(surnames)}`
    : random.pick(surnames);
  return { first, last, full: `${first} ${last}` };
}

/** ASCII, lower case, dots between words: "María José Pérez" → "maria.jose.perez". */
export function emailLocalPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

export interface CandidateProfileRow {
  name: string;
  email: string;
  country: string;
  currentTitle: string;
  notes: string;
}

/** `index` makes the email unique whatever names repeat. */
export function candidateProfile(random: Random, index: number): CandidateProfileRow {
  const country = random.weighted(COUNTRIES);
  const name = personName(random, country.language);
  const industry = random.pick(INDUSTRIES);
  const title = random.pick(TITLES);
  return {
    name: name.full,
    email: `${emailLocalPart(name.full)}.${index}@candidates.example.org`,
    country: country.name,
    currentTitle: random.chance(0.5) ? `${title}, ${industry}` : title,
    notes: random.pick(NOTE_TEMPLATES)(industry),
  };
}

/** Staff of the firm: Spanish or Portuguese names, on the firm's example domain. */
export function staffName(random: Random): PersonName {
  return personName(random, random.chance(0.3) ? "pt" : "es");
}
