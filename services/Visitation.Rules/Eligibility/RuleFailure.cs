namespace Visitation.Rules.Eligibility;

/// <summary>One rule a request breaks.</summary>
/// <param name="Code">Stable UPPER_SNAKE code for programs; never changes once published.</param>
/// <param name="Message">Chinese text short and plain enough to go into the family's SMS as the reason.</param>
/// <param name="Source">The article it rests on, e.g. <c>[Y 九1]</c>, taken from the policy data.</param>
public sealed record RuleFailure(string Code, string Message, string Source);
