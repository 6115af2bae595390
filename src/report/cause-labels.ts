/**
 * Readable names of failure classes and outage causes for text reports: the scenario keys
 * (`region`, `operatorError`, …) are exact but terse, and `region` alone would not say that it is a
 * blackout, apart from an impairment.
 */
const LABELS: Record<string, string> = {
  region: 'region blackout',
  regionImpairment: 'region impairment',
  zone: 'zone outage',
  partition: 'partition',
  master: 'master node',
  etcd: 'etcd node',
  worker: 'worker node',
  process: 'process crash',
  disk: 'disk loss',
  loadBalancer: 'load balancer',
  operatorError: 'bad change',
  maintenance: 'upgrade',
  event: 'scenario event',
};

/** The readable name of a failure class or cause (the key itself when unknown). */
export function causeLabel(key: string): string {
  return LABELS[key] ?? key;
}
