namespace Visitation.Rules.Policies;

/// <summary>
/// A policy option, not a rule of the provinces' documents (policy choice; off in both shipped files):
/// <paramref name="NoShows"/> visits a family booked and did not come to, within
/// <paramref name="WithinMonths"/> months, stop that family's new applications to visit that inmate for
/// <paramref name="SuspendMonths"/> months from the last of them (docs/visitor-refusal-and-no-shows.md).
/// </summary>
/// <param name="Enabled">Off by default: a prison or province switches it on in its policy file.</param>
public sealed record NoShowSuspensionPolicy(bool Enabled, int NoShows, int WithinMonths, int SuspendMonths);
