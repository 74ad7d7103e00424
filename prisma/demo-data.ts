import type { Role, Track } from "~/generated/prisma/enums";

/** The demo password of every demo account; demo data exists only in demo mode. */
export const DEMO_PASSWORD = "wizhire-demo-2026";

export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: "admin@example.com", name: "Valentina Ríos", roles: ["ADMIN"] },
  { email: "recruiter1@example.com", name: "Camila Torres", roles: ["RECRUITER"] },
  { email: "recruiter2@example.com", name: "Diego Herrera", roles: ["RECRUITER"] },
  { email: "interviewer1@example.com", name: "Mateo Fernández", roles: ["INTERVIEWER"] },
  { email: "interviewer2@example.com", name: "Lucía Gómez", roles: ["INTERVIEWER"] },
  { email: "interviewer3@example.com", name: "Santiago Pérez", roles: ["INTERVIEWER"] },
  { email: "interviewer4@example.com", name: "Isabela Costa", roles: ["INTERVIEWER"] },
  { email: "interviewer5@example.com", name: "Joaquín Silva", roles: ["INTERVIEWER"] },
  { email: "interviewer6@example.com", name: "Mariana López", roles: ["INTERVIEWER", "RECRUITER"] },
];

export const DEMO_CANDIDATES: {
  name: string;
  email: string;
  country: string;
  currentTitle: string;
  yearsExperience: number;
  track: Track;
  faangExperience: boolean;
  notes: string;
  recruiterEmail: string;
}[] = [
  {
    name: "Sofía Martínez",
    email: "sofia.martinez@example.org",
    country: "Colombia",
    currentTitle: "Senior ML Engineer, fintech",
    yearsExperience: 7,
    track: "IC",
    faangExperience: false,
    notes: "Built the fraud-scoring service at a Bogotá payments company; owns its retraining pipeline.",
    recruiterEmail: "recruiter1@example.com",
  },
  {
    name: "João Oliveira",
    email: "joao.oliveira@example.org",
    country: "Brazil",
    currentTitle: "Staff Machine Learning Engineer",
    yearsExperience: 11,
    track: "IC",
    faangExperience: true,
    notes: "Ex big-tech ads ranking; led a shared feature-store rollout.",
    recruiterEmail: "recruiter1@example.com",
  },
  {
    name: "Andrés Castillo",
    email: "andres.castillo@example.org",
    country: "Mexico",
    currentTitle: "Data Scientist",
    yearsExperience: 5,
    track: "IC",
    faangExperience: false,
    notes: "Strong modelling and two NeurIPS workshop papers; production exposure unclear.",
    recruiterEmail: "recruiter2@example.com",
  },
  {
    name: "Florencia Acosta",
    email: "florencia.acosta@example.org",
    country: "Argentina",
    currentTitle: "ML Engineering Manager",
    yearsExperience: 12,
    track: "M",
    faangExperience: false,
    notes: "Manages six ML engineers on a marketplace search team.",
    recruiterEmail: "recruiter2@example.com",
  },
  {
    name: "Tomás Rojas",
    email: "tomas.rojas@example.org",
    country: "Chile",
    currentTitle: "ML Platform Engineer",
    yearsExperience: 8,
    track: "IC",
    faangExperience: false,
    notes: "Maintains the training framework used by 40 data scientists.",
    recruiterEmail: "recruiter1@example.com",
  },
  {
    name: "Daniela Vargas",
    email: "daniela.vargas@example.org",
    country: "Peru",
    currentTitle: "Machine Learning Engineer",
    yearsExperience: 4,
    track: "IC",
    faangExperience: false,
    notes: "Recommendation models for a retail chain; batch serving only.",
    recruiterEmail: "recruiter2@example.com",
  },
  {
    name: "Gabriel Souza",
    email: "gabriel.souza@example.org",
    country: "Brazil",
    currentTitle: "Senior MLOps Engineer",
    yearsExperience: 9,
    track: "IC",
    faangExperience: true,
    notes: "Model CI/CD and monitoring at a large Brazilian bank.",
    recruiterEmail: "recruiter1@example.com",
  },
  {
    name: "Renata Morales",
    email: "renata.morales@example.org",
    country: "Uruguay",
    currentTitle: "Lead ML Engineer",
    yearsExperience: 10,
    track: "M",
    faangExperience: false,
    notes: "Tech lead turned manager of a forecasting team.",
    recruiterEmail: "recruiter2@example.com",
  },
];
