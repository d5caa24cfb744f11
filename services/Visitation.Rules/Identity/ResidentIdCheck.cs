namespace Visitation.Rules.Identity;

/// <summary>
/// Outcome of checking a resident ID number. An invalid number is a bad input to be corrected
/// by the clerk, not a reason to reject an application, so it carries a machine code
/// ("required", "length", "format", "birth_date", "check_digit") and a Chinese message to show.
/// </summary>
public sealed record ResidentIdCheck(
    bool IsValid,
    string? ErrorCode,
    string? ErrorMessage,
    DateOnly? BirthDate,
    bool? IsMale);
