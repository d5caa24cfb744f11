using Visitation.Contracts.Grpc;

namespace Visitation.Console.Vocabulary;

/// <summary>
/// The remove-visitor control of an approval form (docs/visitor-refusal-and-no-shows.md), one piece for the county
/// reviewer's and the visit centre officer's: its reasons in Chinese, and the request's removals from what was chosen.
/// The page shows it with the <c>_RemoveVisitors</c> partial.
/// </summary>
public static class VisitorRemovalChoices
{
    /// <summary>Why a reviewing stage refuses one visitor while approving for the others.</summary>
    public static IReadOnlyList<(VisitorRemovalReason Reason, string Name)> Reasons { get; } =
    [
        (VisitorRemovalReason.NotRelativeInScope, "不属于可会见的亲属范围"),
        (VisitorRemovalReason.Barred, "被禁止会见"),
        (VisitorRemovalReason.DocumentsMissing, "证明材料不全"),
        (VisitorRemovalReason.RelationshipUnproven, "亲属关系未能核实"),
        (VisitorRemovalReason.IdentityUnverified, "身份未能核实"),
    ];

    /// <summary>The visitors refused, as the request names them: one entry per visitor by position; one that is no reason keeps its visitor.</summary>
    public static IEnumerable<VisitorRemoval> Removals(IEnumerable<string?> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        return chosen
            .Select((reason, index) => (Index: index, Parsed: Enum.TryParse<VisitorRemovalReason>(reason, out var parsed) && Enum.IsDefined(parsed) ? parsed : VisitorRemovalReason.Unspecified))
            .Where(r => r.Parsed != VisitorRemovalReason.Unspecified)
            .Select(r => new VisitorRemoval { VisitorIndex = r.Index, Reason = r.Parsed });
    }
}

/// <summary>
/// What the <c>_RemoveVisitors</c> partial shows: the form field's name ("Approve.RemoveVisitors"), the visitors in the
/// stage's order with their position on the application as filed (the family's count: the prison's list may lack a
/// visitor the bureau removed), and what was chosen.
/// </summary>
public sealed record RemoveVisitorsControl(string FieldName, IReadOnlyList<(string Name, Relation Relation, int Position)> Visitors, IReadOnlyList<string?> Chosen);
