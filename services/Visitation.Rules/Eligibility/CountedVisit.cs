namespace Visitation.Rules.Eligibility;

/// <summary>
/// A visit already on the books this month. Video and on-site visits draw on the same quota
/// ([Y 三1], [N§5]), so both are recorded here.
/// </summary>
/// <param name="Mode"><c>video</c> or <c>on_site</c>; kept for the record, counted alike.</param>
/// <param name="Outcome"><c>booked</c> (approved, not yet held: counted, or a second application in the month would pass),
/// <c>held</c>, <c>no_show</c> (counted if the policy says so) or <c>cancelled</c> (by the prison, never counted [N§19]).</param>
public sealed record CountedVisit(DateOnly Date, string Mode, string Outcome)
{
    public const string Video = "video";
    public const string OnSite = "on_site";

    public const string Booked = "booked";
    public const string Held = "held";
    public const string NoShow = "no_show";
    public const string Cancelled = "cancelled";
}
