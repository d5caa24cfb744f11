using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Data;

/// <summary>An inmate in the prison's register, as the prison's own system exports it, plus what the visit centre records.</summary>
public sealed class Inmate
{
    public Guid Id { get; set; }
    public string PrisonId { get; set; } = string.Empty;
    public string InmateNumber { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Area { get; set; } = string.Empty;
    public string ManagementLevel { get; set; } = string.Empty;
    public bool Juvenile { get; set; }

    /// <summary>duty_crime, financial_crime, organised_crime: the categories that narrow who may visit in some provinces.</summary>
    public List<string> CrimeCategories { get; set; } = [];

    public CustodyStatus Custody { get; set; }

    /// <summary>The day the inmate left this prison (transfer or release); no visit from that day on.</summary>
    public DateOnly? LeftOn { get; set; }

    public string? TransferredTo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<InmateStatus> Statuses { get; set; } = [];

    /// <summary>Records a dated status; <paramref name="visitId"/> names the terminated visit a penalty follows.</summary>
    public InmateStatus AddStatus(StatusPeriod period, StatusSource source, string setBy, DateTimeOffset at, Guid? visitId = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        var status = new InmateStatus
        {
            Id = Guid.CreateVersion7(),
            InmateId = Id,
            Kind = period.Kind,
            From = period.From,
            To = period.To,
            Reason = period.Reason,
            Source = source,
            SetBy = setBy,
            SetAt = at,
            VisitId = visitId,
        };
        Statuses.Add(status);
        return status;
    }
}

public enum CustodyStatus
{
    InCustody,
    Transferred,
    Released,
}
