using Visitation.Messaging.Tracing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Visitation.Application.Data;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Slots;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.Application.Features.Submit;

/// <summary>
/// Files a clerk's application: validated whole, stored with its first timeline step and the
/// ApplicationSubmitted and ApplicationContactGiven events in one transaction, idempotent on the clerk's request id: a retry of
/// the same request answers with the first application; the same request id with another body is
/// ALREADY_EXISTS and files nothing (the id is bound to its request by <see cref="RequestFingerprint"/>).
/// </summary>
public sealed class SubmitApplicationHandler(
    ApplicationDbContext db, ReferenceDataSet reference, PrisonCalendars calendars, SubmissionEvents events, NoShowHold noShows, TimeProvider clock)
{
    public async Task<SubmitApplicationReply> HandleAsync(SubmitApplicationRequest request, Caller caller, CancellationToken ct)
    {
        var office = reference.Office(caller.OrganisationId)
            ?? throw GrpcErrors.PermissionDenied("令牌中的司法所不存在");
        var fingerprint = RequestFingerprint.Of(request);
        var existing = await FindExistingAsync(office.Id, request.RequestId, fingerprint, ct);
        if (existing is not null)
        {
            return existing;
        }

        var now = ChinaTime.Now(clock);
        var today = DateOnly.FromDateTime(now.DateTime);
        var submission = SubmitValidator.Validate(request, office, reference, calendars, today);
        await noShows.ThrowIfHeldAsync(request, today, ct);
        var application = Build(request, caller, office, submission, now);
        application.RequestHash = fingerprint;
        // The application's trace begins here: its events, consumers and later decisions all join it.
        using var trace = ApplicationTrace.Start("SubmitApplication", application.Id);
        db.Applications.Add(application);
        // Two events from one transaction: the reviewing stages' (no phone, no full ID number) and
        // notification's (the contact's phone), so each consumer receives only what it uses.
        db.Publish(events.Submitted(application, caller, now), now);
        db.Publish(SubmissionEvents.ContactGiven(application, now), now);
        db.Audit(caller, AuditEvent.ApplicationSubmitted, application.Audited());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same request raced in twice: the first one won, answer with it.
            db.ForgetPending();
            return await FindExistingAsync(office.Id, request.RequestId, fingerprint, ct)
                ?? throw new InvalidOperationException("Unique violation without a matching application.", ex);
        }

        return new SubmitApplicationReply { ApplicationId = application.Id.ToString(), Status = ApplicationStatuses.ToWire(application.Status) };
    }

    /// <summary>The application the request id filed before, if any; ALREADY_EXISTS when it was filed for another body.</summary>
    private async Task<SubmitApplicationReply?> FindExistingAsync(string officeId, string requestId, string fingerprint, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return null;
        }

        var found = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == officeId && a.RequestId == requestId)
            .Select(a => new { a.Id, a.Status, a.RequestHash })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        return RequestFingerprint.Matches(found.RequestHash, fingerprint)
            ? new SubmitApplicationReply { ApplicationId = found.Id.ToString(), Status = ApplicationStatuses.ToWire(found.Status) }
            : throw GrpcErrors.AlreadyExists("该请求编号已用于另一份申请，未重复受理");
    }

    private static VisitApplication Build(SubmitApplicationRequest request, Caller caller, JudicialOffice office, ValidSubmission submission, DateTimeOffset now)
    {
        var visitors = submission.Visitors;
        var contact = visitors.FirstOrDefault(v => v.Input.IsContact) ?? visitors.First(v => v.Age >= 18);
        var application = new VisitApplication
        {
            Id = Guid.CreateVersion7(),
            RequestId = request.RequestId,
            OfficeId = office.Id,
            CountyId = office.CountyId,
            VenueId = request.VenueId,
            PrisonId = request.Inmate.PrisonId,
            InmateName = request.Inmate.Name.Trim(),
            PrisonArea = string.IsNullOrWhiteSpace(request.Inmate.PrisonArea) ? null : request.Inmate.PrisonArea,
            VisitMonth = request.VisitMonth,
            PreferredDates = [.. submission.Preference.Dates],
            PreferredPartOfDay = SlotPreference.Code(submission.Preference.PartOfDay),
            SubmittedAt = now,
            SubmittedBy = caller.UserId,
            Visitors = visitors.Select((v, i) => new ApplicationVisitor
            {
                Ordinal = i,
                Name = v.Input.Name.Trim(),
                IdNumber = v.Input.IdNumber.Trim().ToUpperInvariant(),
                Phone = v.Input.Phone,
                Relation = v.Relation,
                BirthDate = v.BirthDate,
                IsContact = ReferenceEquals(v, contact),
                IsGuardian = v.Input.IsGuardian,
                Documents = [.. v.Documents],
            }).ToList(),
        };
        application.Timeline.Add(new TimelineRecord
        {
            Stage = "application",
            Event = "submitted",
            At = now,
            Actor = caller.UserId,
            Detail = $"{office.Name}受理并提交申请",
        });
        return application;
    }
}
