/**
 * The managed control planes' published monthly uptime commitments, shown in reports as
 * reference lines. Each entry cites the provider's page, the version of the terms it quotes and
 * the day it was checked. They cover the Kubernetes API endpoint only, per calendar month (a
 * yearly mean can meet them while single months breach).
 */
import { MINUTES_PER_MONTH } from './report.js';

export interface ManagedSla {
  provider: string;
  offering: string;
  /** A chart label: `EKS`, `GKE regional`, … */
  short: string;
  /** The Kubernetes API's monthly uptime commitment, percent. */
  monthlyUptimePercent: number;
  /** Downtime that commitment allows in a month of 730 h. */
  budgetMinutesPerMonth: number;
  /** How downtime is counted, where it differs from "every minute". */
  accounting: string | null;
  source: { url: string; terms: string; checked: string };
}

/** The day the sources below were read again. */
const CHECKED = '2026-12-02';

const ENTRIES: Omit<ManagedSla, 'budgetMinutesPerMonth'>[] = [
  {
    provider: 'AWS',
    offering: 'EKS',
    short: 'EKS',
    monthlyUptimePercent: 99.95,
    accounting: null,
    // "make the Kubernetes endpoint for an Amazon EKS Cluster available with a Monthly Uptime
    // Percentage of at least 99.95%".
    source: {
      url: 'https://aws.amazon.com/eks/sla/',
      terms: 'Amazon EKS SLA, last updated 2022-05-04',
      checked: CHECKED,
    },
  },
  {
    provider: 'Google Cloud',
    offering: 'GKE regional cluster',
    short: 'GKE regional',
    monthlyUptimePercent: 99.95,
    accounting: 'only downtime periods of 5 consecutive minutes or more',
    // "Regional Cluster (control plane) 99.95%"; "Downtime Period" = 5 consecutive minutes
    // (the definition of every published version since 2015).
    source: {
      url: 'https://cloud.google.com/kubernetes-engine/sla',
      terms: 'GKE SLA, version of 2023-11-16',
      checked: CHECKED,
    },
  },
  {
    provider: 'Google Cloud',
    offering: 'GKE zonal cluster',
    short: 'GKE zonal',
    monthlyUptimePercent: 99.5,
    accounting: 'only downtime periods of 5 consecutive minutes or more',
    source: {
      url: 'https://cloud.google.com/kubernetes-engine/sla',
      terms: 'GKE SLA, version of 2023-11-16',
      checked: CHECKED,
    },
  },
  {
    provider: 'Microsoft Azure',
    offering: 'AKS Standard tier, availability zones',
    short: 'AKS with zones',
    monthlyUptimePercent: 99.95,
    accounting: null,
    // "Guarantees 99.95% availability of the Kubernetes API server endpoint for clusters that
    // use Availability Zones and 99.9% of availability for clusters that don't".
    source: {
      url: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers',
      terms: 'AKS pricing tiers (Standard tier uptime SLA)',
      checked: CHECKED,
    },
  },
  {
    provider: 'Microsoft Azure',
    offering: 'AKS Standard tier, no availability zones',
    short: 'AKS without zones',
    monthlyUptimePercent: 99.9,
    accounting: null,
    source: {
      url: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers',
      terms: 'AKS pricing tiers (Standard tier uptime SLA)',
      checked: CHECKED,
    },
  },
];

/** The managed offerings' API uptime commitments, most demanding first. */
export const MANAGED_SLAS: readonly ManagedSla[] = ENTRIES.map((e) => ({
  ...e,
  budgetMinutesPerMonth: budgetMinutesPerMonth(e.monthlyUptimePercent),
}));

/** The downtime an uptime percentage allows in a month of 730 h. */
export function budgetMinutesPerMonth(percent: number): number {
  return ((100 - percent) / 100) * MINUTES_PER_MONTH;
}
