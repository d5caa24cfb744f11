using Visitation.Application.Data;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Counter;
using Visitation.Workflow.Grpc;

namespace Visitation.Application.Features.Resubmit;

/// <summary>
/// A resubmission's corrections to the visitors (docs/send-back.md): documents added, a name, ID number
/// or relation corrected. Each corrected visitor is checked whole as the counter checks one (ID number,
/// relation, documents), and every bad field is reported at once; nothing changes unless all are good.
/// Phones, the contact and the guardian stay as filed.
/// </summary>
public static class VisitorCorrections
{
    public const int MaxNoteLength = 200;

    public static void Apply(VisitApplication application, ResubmitApplicationRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(request);
        var violations = new FieldViolations();
        violations.Required("request_id", request.RequestId);
        if (request.Note.Length > MaxNoteLength)
        {
            violations.Add("note", $"说明不超过{MaxNoteLength}字");
        }

        var changes = new List<(ApplicationVisitor Visitor, string Name, CheckedVisitor Checked)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < request.Visitors.Count; i++)
        {
            var correction = request.Visitors[i];
            var field = $"visitors[{i}]";
            var visitor = application.Visitors.SingleOrDefault(v => v.Ordinal == correction.VisitorIndex);
            if (visitor is null || !seen.Add(correction.VisitorIndex))
            {
                violations.Add($"{field}.visitor_index", visitor is null ? "申请中没有这位会见人" : "同一位会见人只能更正一次");
                continue;
            }

            var idNumber = string.IsNullOrWhiteSpace(correction.IdNumber) ? visitor.IdNumber : correction.IdNumber;
            var relation = correction.Relation == Relation.Unspecified ? ProtoCodes.FromCode<Relation>(visitor.Relation) : correction.Relation;
            var documents = visitor.Documents.Select(ProtoCodes.FromCode<DocumentKind>).Concat(correction.AddedDocuments).Distinct();
            var name = string.IsNullOrWhiteSpace(correction.Name) ? visitor.Name : correction.Name.Trim();
            if (violations.CheckVisitor(field, idNumber, relation, documents, today) is { } valid)
            {
                changes.Add((visitor, name, valid));
            }
        }

        violations.ThrowIfAny();
        foreach (var (visitor, name, valid) in changes)
        {
            visitor.Name = name;
            visitor.IdNumber = valid.IdNumber;
            visitor.BirthDate = valid.BirthDate;
            visitor.Relation = valid.Relation;
            visitor.Documents = [.. valid.Documents];
        }
    }
}
