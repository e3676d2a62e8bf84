// The reference server's public API: what the app (demo mode), tests and benchmarks import.
export { startReferenceServer } from './reference-server.js';
export type { ReferenceServer, ReferenceServerOptions, StaffCredential } from './reference-server.js';
export type { DemoOptions, DemoStats } from './demo/generate.js';
export type { Clock } from './services/clock.js';
export type {
  Fault,
  FaultController,
  FaultKind,
  FaultOptions,
  FaultRoute,
  InjectedFault,
  RandomFaultRule,
} from './faults/fault-types.js';
