namespace Visitation.Application.Features.Submit;

/// <summary>What a valid submission needs besides the request itself.</summary>
public sealed record ValidSubmission(IReadOnlyList<ValidVisitor> Visitors, ValidPreference Preference);
