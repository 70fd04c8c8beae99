/**
 * Whose data a control-plane call may touch (CONTRACT of issue 9). Every service takes one as a
 * required argument; a row outside it is NotFound, never revealed.
 */
export type CompanyScope = { kind: "company"; companyId: string; includeDivisions: boolean };
export type VendorScope = { kind: "vendor"; vendorId: string };
export type OperatorScope = { kind: "operator" };
export type AccessScope = CompanyScope | VendorScope | OperatorScope;

/** Only the operator CLI and operator pages build this. */
export function operatorScope(): OperatorScope {
  return { kind: "operator" };
}
