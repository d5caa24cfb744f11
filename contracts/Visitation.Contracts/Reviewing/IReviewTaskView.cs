using Google.Protobuf.WellKnownTypes;

namespace Visitation.Contracts.Grpc;

/// <summary>
/// What every reviewing stage's task message (the bureau's <c>ReviewTask</c>, the prison's
/// <c>ApprovalTask</c>) carries under the same names, so one piece of code fills it for both. The
/// generated properties implement it; the stages' own fields (office, matched inmate, status enum)
/// stay theirs.
/// </summary>
public interface IReviewTaskView
{
    string ApplicationId { get; set; }
    string InmateName { get; set; }
    string PrisonArea { get; set; }
    string VisitMonth { get; set; }
    string VenueId { get; set; }
    Timestamp? ReceivedAt { get; set; }
    Timestamp? DueBy { get; set; }
    Decision? Decision { get; set; }
}
