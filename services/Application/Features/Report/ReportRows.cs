namespace Visitation.Application.Features.Report;

// The rows the report's SQL answers; their properties are the queries' column names in snake_case
// (the context's naming convention maps them), so each query names its columns as these do.

/// <summary>Applications filed in a month, grouped, at one status.</summary>
public sealed class StatusRow
{
    public string OrganisationId { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public int Count { get; set; }
}

/// <summary>One stage's processing time over the applications filed in a month.</summary>
public sealed class StageTimeRow
{
    public string OrganisationId { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;
    public string Stage { get; set; } = string.Empty;
    public int Decided { get; set; }
    public double? MedianHours { get; set; }
    public double? NinetiethPercentileHours { get; set; }
    public int Overdue { get; set; }
}

/// <summary>How often a stage gave one coded reason.</summary>
public sealed class RefusalRow
{
    public string OrganisationId { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;
    public string Stage { get; set; } = string.Empty;
    public string ReasonCode { get; set; } = string.Empty;
    public int Count { get; set; }
}

/// <summary>The outcomes of a visit month's visits.</summary>
public sealed class VisitRow
{
    public string OrganisationId { get; set; } = string.Empty;
    public string Month { get; set; } = string.Empty;
    public int Held { get; set; }
    public int NoShow { get; set; }
    public int Terminated { get; set; }
    public int Cancelled { get; set; }
}
