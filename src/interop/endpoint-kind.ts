/**
 * kubeadm's `controlPlaneEndpoint` → hasim's endpoint kind, with the assumption stated. The
 * field is "a stable IP address or DNS name for the control plane … with optional TCP port";
 * when it is absent kubeadm uses the first control plane's advertise address
 * (kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/#kubeadm-k8s-io-v1beta4-ClusterConfiguration).
 */
import type { EndpointKind } from '../model/topology.js';

export interface EndpointGuess {
  kind: EndpointKind;
  /** Why, and what to change if the guess is wrong: for the scenario's comments. */
  assumption: string;
}

export function inferEndpointKind(controlPlaneEndpoint: string | null): EndpointGuess {
  if (controlPlaneEndpoint === null) {
    return {
      kind: 'single-master',
      assumption:
        'no controlPlaneEndpoint: kubeadm points clients at one master; if a load balancer fronts the API, write cloud or keepalived',
    };
  }
  const host = hostOf(controlPlaneEndpoint);
  if (host === 'localhost' || /^127\./.test(host) || host === '::1') {
    return {
      kind: 'local-proxy',
      assumption: `controlPlaneEndpoint ${controlPlaneEndpoint} is local: a proxy on every node (kubespray style)`,
    };
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) {
    return {
      kind: 'keepalived',
      assumption: `controlPlaneEndpoint ${controlPlaneEndpoint} is an IP address: taken for a VIP (keepalived, kube-vip); if it is a cloud load balancer's address, write cloud`,
    };
  }
  return {
    kind: 'cloud',
    assumption: `controlPlaneEndpoint ${controlPlaneEndpoint} is a DNS name: taken for a load balancer; if it resolves round-robin to the masters, write dns`,
  };
}

// --- internal ---

/** The host of `host`, `host:port`, `[v6]:port` or a bare IPv6 address. */
function hostOf(endpoint: string): string {
  const text = endpoint.trim().replace(/^https?:\/\//, '');
  const bracketed = /^\[([^\]]+)\]/.exec(text);
  if (bracketed) return bracketed[1] ?? '';
  const colons = text.split(':').length - 1;
  if (colons > 1) return text; // a bare IPv6 address
  return text.split(':')[0] ?? '';
}
