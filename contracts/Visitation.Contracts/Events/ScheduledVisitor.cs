namespace Visitation.Contracts.Events;

/// <summary>
/// Who is booked for a visit, as the venue's door needs them: the name to call, the masked number to
/// show, the visitor key to check a presented ID number against (the shared key; docs/data-minimisation.md),
/// the relation and age. No documents, no full number, no phone.
/// </summary>
public sealed record ScheduledVisitor(string Name, string IdNumberMasked, string VisitorKey, string Relation, int Age)
{
    public static ScheduledVisitor Of(VisitorDetails visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return new(visitor.Name, visitor.IdNumberMasked, visitor.VisitorKey, visitor.Relation, visitor.Age);
    }
}
