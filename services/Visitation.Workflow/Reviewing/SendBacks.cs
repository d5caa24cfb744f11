using Google.Protobuf.Collections;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Messaging.Database;
using Visitation.Rules.Calendars;
using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Grpc;

namespace Visitation.Workflow.Reviewing;

/// <summary>
/// A reviewing stage's send-back for more material (退回补正, docs/send-back.md), written once for
/// every stage: the request's checks, the record with its event and audit row, and the answer.
/// </summary>
public static class SendBacks
{
    /// <summary>The longest note a reviewer may leave for the office.</summary>
    public const int MaxNoteLength = 200;

    /// <summary>The coded items asked for; INVALID_ARGUMENT for none, an unknown one or a repeat, or a note too long.</summary>
    public static IReadOnlyList<string> Validate(string applicationId, RepeatedField<MissingMaterial> missing, string note)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var violations = new FieldViolations();
        violations.Required("application_id", applicationId);
        if (missing.Count == 0)
        {
            violations.Add("missing", "请至少选择一项需要补充的材料");
        }

        var codes = new List<string>();
        for (var i = 0; i < missing.Count; i++)
        {
            var code = ProtoCodes.IsSpecified(missing[i]) ? ProtoCodes.ToCode(missing[i]) : string.Empty;
            if (!MissingMaterials.IsKnown(code))
            {
                violations.Add($"missing[{i}]", "未知的材料");
            }
            else if (codes.Contains(code))
            {
                violations.Add($"missing[{i}]", "材料不能重复");
            }
            else
            {
                codes.Add(code);
            }
        }

        if ((note ?? string.Empty).Length > MaxNoteLength)
        {
            violations.Add("note", $"备注不超过{MaxNoteLength}字");
        }

        violations.ThrowIfAny();
        return codes;
    }

    /// <summary>
    /// Sends <paramref name="item"/> back, or answers with the send-back on record when it was already
    /// sent back (a retried call); the state, <see cref="ApplicationSentBack"/> and the audit row commit together.
    /// </summary>
    /// <param name="policy">The policy whose <see cref="SendBackClock.Resubmission"/> days the office gets: the stage's own province's.</param>
    public static async Task<Decision> SendBackAsync(this ServiceDbContext db, ReviewItem item, IReadOnlyList<string> missing, string? note,
        Caller caller, ReferenceDataSet reference, VisitPolicy policy, AuditEvent audited, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(caller);
        if (item.IsRepeatOf(ReviewStatus.SentBack))
        {
            return Recorded(item);
        }

        var now = ChinaTime.Now(clock);
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var left = SendBackClock.WorkingDaysLeft(reference, item.DueBy ?? now, now);
        item.SendBack(missing, trimmed, caller.UserId, now, left, SendBackClock.ResubmitBy(reference, policy, now));
        db.Publish(new ApplicationSentBack(item.ApplicationId, item.SendBackId!.Value, item.Stage.ClockKey, item.Application.OfficeId,
            [.. missing], trimmed, item.DueBy!.Value, caller.UserId, now), now);
        // The codes only: the note is staff free text and the audit holds no free text.
        db.Audit(caller, audited, item.Audited(), reason: ReviewReasonCodes.MaterialRequested, outcome: "sent_back:" + string.Join(',', missing));
        await db.SaveChangesAsync(ct);
        return Recorded(item);
    }

    /// <summary>The send-back on record: neither approved nor refused, what is asked for, and by when.</summary>
    public static Decision Recorded(ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var decision = new Decision
        {
            Approved = false,
            SentBack = true,
            ReasonCode = item.ReasonCode ?? ReviewReasonCodes.MaterialRequested,
            Reason = item.Reason ?? string.Empty,
            DecidedBy = item.DecidedBy ?? string.Empty,
            DecidedAt = Instants.Of(item.DecidedAt),
            ResubmitBy = Instants.Of(item.DueBy),
        };
        decision.Missing.AddRange(item.Missing.Select(ProtoCodes.FromCode<MissingMaterial>));
        return decision;
    }
}
