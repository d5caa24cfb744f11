namespace Visitation.Workflow.Counter;

/// <summary>A visitor whose fields passed the counter's checks, in the rules' terms.</summary>
/// <param name="IdNumber">The resident ID number as the registers key it: trimmed, upper case.</param>
/// <param name="Relation">The relation's code, e.g. "maternal_grandfather".</param>
/// <param name="Documents">The documents' codes, e.g. "household_register".</param>
/// <param name="Age">Full years today, from the ID number's birth date.</param>
public sealed record CheckedVisitor(string IdNumber, string Relation, IReadOnlyList<string> Documents, DateOnly BirthDate, int Age);
