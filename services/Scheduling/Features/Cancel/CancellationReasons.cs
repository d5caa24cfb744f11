using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Grpc;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Scheduling.Features.Cancel;

/// <summary>The cause and note of a cancellation by the prison or a venue, checked, as the family will read them.</summary>
public static class CancellationReasons
{
    private const int MaxNoteLength = 100;

    /// <summary>The cause's stable code and the family's reason, or nulls after adding the violations.</summary>
    public static (string? Cause, string? Reason) Check(FieldViolations violations, CancellationCause cause, string note)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var code = violations.Code("cause", cause);
        if (code == CancellationCauses.Other && string.IsNullOrWhiteSpace(note))
        {
            violations.Add("note", "原因为其他时须说明");
        }

        if (note.Length > MaxNoteLength)
        {
            violations.Add("note", "说明不超过100字");
        }

        return code is null ? (null, null) : (code, CancellationCauses.Describe(code, note));
    }
}
