using Visitation.Application.Data;
using Visitation.Contracts.Events;
using Visitation.Rules.Reviewing;

namespace Visitation.Application.Features.Timeline;

/// <summary>
/// A reviewing stage sent the application back for more material: the clerk sees what is missing, the
/// reviewer's note and the office's time, in the list (its status) and on the application's page.
/// </summary>
public sealed class ApplicationSentBackTimelineConsumer(ApplicationDbContext db, TimeProvider clock) : TimelineConsumer<ApplicationSentBack>(db, clock)
{
    protected override TimelineStep Describe(ApplicationSentBack m)
    {
        var byBureau = m.Stage == ReviewClock.CountyBureau;
        var note = string.IsNullOrEmpty(m.Note) ? string.Empty : $"；说明：{m.Note}";
        return new(m.ApplicationId, byBureau ? "bureau-review" : "prison-approval", "sent-back", m.OccurredAt, m.DecidedBy,
            ReviewReasonCodes.MaterialRequested,
            $"{(byBureau ? "县司法局" : "监狱")}退回补正：需补充{MissingMaterials.Describe(m.Missing)}{note}",
            byBureau ? ApplicationStatus.SentBackByBureau : ApplicationStatus.SentBackByPrison,
            Apply: application => application.SendBack = new SendBackRecord
            {
                Id = m.SendBackId,
                Stage = m.Stage,
                Missing = [.. m.Missing],
                Note = m.Note,
                ResubmitBy = m.ResubmitBy,
            });
    }
}
