using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>A status as given by the prison's system or an officer, checked field by field.</summary>
public static class StatusInputs
{
    public static StatusPeriod? Validate(StatusInput? input, string field, FieldViolations violations)
    {
        if (input is null)
        {
            violations.Add(field, "必填");
            return null;
        }

        var before = violations.Items.Count;
        var kind = violations.Code($"{field}.kind", input.Kind);
        var from = violations.Date($"{field}.from", input.From);
        DateOnly? to = string.IsNullOrEmpty(input.To) ? null : violations.Date($"{field}.to", input.To);
        if (from is { } start && to is { } end && end < start)
        {
            violations.Add($"{field}.to", "结束日期不能早于开始日期");
        }

        if (kind == StatusKinds.Other && string.IsNullOrWhiteSpace(input.Reason))
        {
            // The family is told this text: "other" has no standard wording.
            violations.Add($"{field}.reason", "其他情形必须写明原因");
        }

        if (input.Reason.Length > 200)
        {
            violations.Add($"{field}.reason", "原因不超过200字");
        }

        return violations.Items.Count == before && from is { } valid ? new StatusPeriod(kind!, valid, to, input.Reason.Trim()) : null;
    }
}
