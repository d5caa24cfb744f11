using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Privacy;
using Visitation.Workflow.Grpc;
using Visitation.ServiceDefaults.Grpc;
using Proto = Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>
/// The register's records on the wire, one piece each: the stored codes become the proto's enums
/// here and nowhere else, dates stay yyyy-MM-dd strings, instants become Timestamps.
/// </summary>
public static class InmateViewParts
{
    /// <summary>The register's own facts, without the month's quota.</summary>
    public static InmateView Register(Inmate inmate)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        return new InmateView
        {
            InmateNumber = inmate.InmateNumber,
            Name = inmate.Name,
            PrisonArea = inmate.Area,
            ManagementLevel = ProtoCodes.FromCode<ManagementLevel>(inmate.ManagementLevel),
            Juvenile = inmate.Juvenile,
            CrimeCategories = { inmate.CrimeCategories.Select(ProtoCodes.FromCode<CrimeCategory>) },
            Custody = inmate.Custody switch
            {
                CustodyStatus.Transferred => Custody.Transferred,
                CustodyStatus.Released => Custody.Released,
                _ => Custody.InCustody,
            },
            LeftOn = WireDates.Day(inmate.LeftOn),
        };
    }

    public static StatusView Status(InmateStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new StatusView
        {
            StatusId = status.Id.ToString(),
            Kind = ProtoCodes.FromCode<InmateStatusKind>(status.Kind),
            From = WireDates.Day(status.From),
            To = WireDates.Day(status.To),
            Reason = status.Reason,
            Source = ProtoNames.Map<Data.StatusSource, Proto.StatusSource>(status.Source),
            SetBy = status.SetBy,
        };
    }

    public static RelativeView Relative(Relative relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return new RelativeView
        {
            Name = relative.Name,
            IdNumberMasked = relative.IdNumberMasked,
            Relation = ProtoCodes.FromCode<Relation>(relative.Relation),
            ConfirmedAt = Instants.Of(relative.ConfirmedAt),
        };
    }

    public static QuotaEntryView QuotaEntry(QuotaEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new QuotaEntryView
        {
            Date = WireDates.Day(entry.Date),
            Mode = ProtoCodes.FromCode<VisitMode>(entry.Mode),
            Outcome = ProtoCodes.FromCode<QuotaOutcome>(entry.Outcome),
            ApplicationId = entry.ApplicationId?.ToString() ?? string.Empty,
            Note = entry.Note,
            OverrideReason = entry.OverrideReason,
        };
    }

    /// <summary>A special approval of <paramref name="month"/>, complete when every level of the province's <paramref name="chain"/> signed.</summary>
    public static SpecialApprovalView SpecialApproval(SpecialApprovalRecord record, VisitMonth month, IReadOnlyList<string> chain)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SpecialApprovalView
        {
            Kind = ProtoCodes.FromCode<SpecialApprovalKind>(record.Kind),
            ApprovedBy = { record.ApprovedBy.Select(ProtoCodes.FromCode<SpecialApprovalLevel>) },
            Signatories = record.Signatories,
            Reason = record.Reason,
            Complete = new Rules.Eligibility.SpecialApproval(record.Kind, month, record.ApprovedBy).IsCompleteFor(chain),
        };
    }

}
