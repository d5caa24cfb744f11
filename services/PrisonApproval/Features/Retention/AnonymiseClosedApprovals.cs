using Microsoft.Extensions.Options;
using Visitation.PrisonApproval.Data;
using Visitation.Workflow.Retention;

namespace Visitation.PrisonApproval.Features.Retention;

/// <summary>
/// The prison's retention of its approvals (see <see cref="ReviewRetentionWork{TItem, TContext}"/> and
/// <see cref="Approval.Anonymise"/>). Not the prison's own register — inmates, their statuses, the
/// relatives register, bars, the quota ledger, special approvals: those are kept by the prison's own
/// rules (docs/retention.md).
/// </summary>
public sealed class AnonymiseClosedApprovals(PrisonApprovalDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
    : ReviewRetentionWork<Approval, PrisonApprovalDbContext>(db, clock, options);
