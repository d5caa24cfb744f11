using Visitation.Rules.ReferenceData;

namespace Visitation.Workflow.ReferenceData;

/// <summary>
/// The reference data a service loaded, with a fingerprint of each part as read from its files:
/// the organisations and calendars (<see cref="ReferenceDataFingerprint"/>) and the visit policies
/// (<see cref="PolicyFingerprint"/>). The audit records a load when its fingerprint is new.
/// </summary>
/// <param name="ReferenceDataFingerprint"><c>sha256:</c> and the first 16 hex digits of the hash of <c>organisations.json</c> and <c>holidays/*.json</c>.</param>
/// <param name="PolicyFingerprint">The same for <c>policies/*.json</c>.</param>
public sealed record LoadedReferenceData(ReferenceDataSet Data, string ReferenceDataFingerprint, string PolicyFingerprint);
