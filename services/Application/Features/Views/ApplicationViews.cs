using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Visitation.Application.Data;
using Visitation.Application.Features.Views;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Privacy;
using Visitation.Workflow.Grpc;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Application.Features.Views;

/// <summary>
/// Maps stored applications to API views: stored codes become the proto's enums here, at the
/// edge; ID and phone numbers leave only masked.
/// </summary>
public static class ApplicationViews
{
    public static ApplicationView ToView(VisitApplication application, DateOnly today)
    {
        var view = new ApplicationView
        {
            ApplicationId = application.Id.ToString(),
            Status = ApplicationStatuses.ToWire(application.Status),
            OfficeId = application.OfficeId,
            CountyId = application.CountyId,
            Inmate = new InmateAsKnown { Name = application.InmateName, PrisonId = application.PrisonId, PrisonArea = application.PrisonArea ?? string.Empty },
            VisitMonth = application.VisitMonth,
            VenueId = application.VenueId,
            SubmittedAt = Instants.Of(application.SubmittedAt),
            PreferredPartOfDay = ProtoCodes.FromCode<PartOfDay>(application.PreferredPartOfDay),
        };
        view.PreferredDates.AddRange(application.PreferredDates.Select(d => WireDates.Day(d)));
        view.Visitors.AddRange(application.Visitors.OrderBy(v => v.Ordinal).Select(v => ToView(v, today)));
        view.Timeline.AddRange(application.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(ToView));
        if (application.VisitId is { } visitId && application.VisitDate is { } date && application.VisitStart is { } start)
        {
            view.Visit = new ScheduledVisit
            {
                VisitId = visitId.ToString(),
                Date = WireDates.Day(date),
                StartTime = WireDates.Time(start),
                Minutes = application.VisitMinutes ?? 0,
                VenueId = application.VenueId,
            };
        }

        if (application.IsSentBack && application.SendBack is { } sendBack)
        {
            view.SendBack = new SendBack
            {
                Stage = sendBack.Stage == Rules.Reviewing.ReviewClock.CountyBureau ? TimelineStage.BureauReview : TimelineStage.PrisonApproval,
                Note = sendBack.Note ?? string.Empty,
                ResubmitBy = Instants.Of(sendBack.ResubmitBy),
            };
            view.SendBack.Missing.AddRange(sendBack.Missing.Select(ProtoCodes.FromCode<MissingMaterial>));
        }

        return view;
    }

    public static ApplicationSummary ToSummary(VisitApplication application) => new()
    {
        ApplicationId = application.Id.ToString(),
        Status = ApplicationStatuses.ToWire(application.Status),
        InmateName = application.InmateName,
        PrisonId = application.PrisonId,
        VisitMonth = application.VisitMonth,
        SubmittedAt = Instants.Of(application.SubmittedAt),
        ContactPhoneMasked = Mask.Phone(application.Visitors.FirstOrDefault(v => v.IsContact)?.Phone ?? string.Empty),
    };

    private static VisitorView ToView(ApplicationVisitor visitor, DateOnly today)
    {
        var view = new VisitorView
        {
            Name = visitor.Name,
            IdNumberMasked = Mask.IdNumber(visitor.IdNumber),
            PhoneMasked = Mask.Phone(visitor.Phone),
            Relation = ProtoCodes.FromCode<Relation>(visitor.Relation),
            Age = Rules.Identity.ResidentIdNumber.AgeOn(visitor.BirthDate, today),
            IsContact = visitor.IsContact,
            IsGuardian = visitor.IsGuardian,
            RemovedFromVisit = visitor.RemovedFromVisit,
        };
        view.Documents.AddRange(visitor.Documents.Select(ProtoCodes.FromCode<DocumentKind>));
        return view;
    }

    private static TimelineEntry ToView(TimelineRecord record) => new()
    {
        Stage = TimelineCodes.Stage(record.Stage),
        Event = TimelineCodes.Event(record.Event),
        At = Instants.Of(record.At),
        Actor = record.Actor,
        ReasonCode = record.ReasonCode ?? string.Empty,
        Detail = record.Detail ?? string.Empty,
    };
}
