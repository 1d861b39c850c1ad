// static/embed.d.ts's engine shapes agree with the ones generated from the engine's Rust types
// (the Node package's declarations): the verdict and code unions are the same, and what the
// engine returns fits `Assessment` as embed.d.ts declares it. Checked by `tsc --noEmit` in the
// node-package stage, where the package is installed.
import type * as Generated from 'order-help-engine';
import type * as Embed from './embed.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;

export const agree: [
  Same<Embed.CancelVerdict, Generated.CancelVerdict>,
  Same<Embed.CancelCode, Generated.CancelCode>,
  Same<Embed.RefuseVerdict, Generated.RefuseVerdict>,
  Same<Embed.ReturnVerdict, Generated.ReturnVerdict>,
  Same<Embed.NextStep, Generated.NextStep>,
  Same<Embed.ShipmentStatus, Generated.ShipmentStatus>,
  Same<Embed.WithdrawalVerdict, Generated.WithdrawalVerdict>,
  Same<Embed.WithdrawalCode, Generated.WithdrawalCode>,
  Same<Embed.CancelRequest['verdicts'][number]['code'], Generated.CancelCode>,
  Fits<Generated.Assessment, Embed.Assessment>,
  Same<keyof Embed.Assessment, keyof Generated.Assessment>,
  Same<keyof Embed.ItemAssessment, keyof Generated.ItemAssessment>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];
