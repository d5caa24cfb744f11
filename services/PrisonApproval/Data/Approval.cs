using Visitation.Contracts.Events;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Reviewing;

namespace Visitation.PrisonApproval.Data;

/// <summary>A bureau-approved application awaiting (or given) the visit centre's decision.</summary>
public sealed class Approval : ReviewItem
{
    public string PrisonId { get; private set; } = string.Empty;

    /// <summary>Copied out of the application so a change to an inmate finds their pending applications.</summary>
    public string InmateName { get; private set; } = string.Empty;

    /// <summary>The register's inmate the approval was given for.</summary>
    public string? InmateNumber { get; private set; }

    /// <summary>Every rule the application failed when it was refused (the first one is the reason code).</summary>
    public List<RuleFailure> Failures { get; private set; } = [];

    public override ReviewStage Stage => ReviewStage.Prison;

    public override string OwningOrganisation => PrisonId;

    public override IReadOnlyList<RuleFailure> FailuresOnRecord() => Failures;

    /// <summary>A bureau-approved application in the prison's queue (already withdrawn if the withdrawal overtook it).</summary>
    public static Approval Receive(ApplicationDetails application, DateTimeOffset receivedAt, DateTimeOffset dueBy, bool alreadyWithdrawn)
    {
        ArgumentNullException.ThrowIfNull(application);
        var approval = new Approval { PrisonId = application.PrisonId, InmateName = application.InmateName };
        approval.Start(application, receivedAt, dueBy, alreadyWithdrawn);
        return approval;
    }

    /// <summary>Approves for the register's inmate the officer's decision was about.</summary>
    public void ApproveFor(string inmateNumber, string decidedBy, DateTimeOffset at, IReadOnlyList<RemovedFromVisit>? removed = null)
    {
        Approve(decidedBy, at, removed: removed);
        InmateNumber = inmateNumber;
    }

    /// <summary>Also the inmate's name and number copied out of the application and the refusal's texts (their codes stay).</summary>
    public override void Anonymise()
    {
        base.Anonymise();
        InmateName = string.Empty;
        InmateNumber = null;
        Failures = [.. Failures.Select(f => f with { Message = string.Empty })];
    }

    protected override void KeepFailures(IReadOnlyList<RuleFailure> failures) => Failures = [.. failures];
}
