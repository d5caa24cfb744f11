using Visitation.Contracts.Grpc.Application;
using Visitation.Workflow.Counter;

namespace Visitation.Application.Features.Submit;

/// <summary>A visitor as validated: the request's input, and its identity, relation and documents as the counter's checks read them.</summary>
public sealed record ValidVisitor(VisitorInput Input, CheckedVisitor Checked)
{
    /// <summary>The relation's code, e.g. "maternal_grandfather".</summary>
    public string Relation => Checked.Relation;

    /// <summary>The documents' codes, e.g. "household_register".</summary>
    public IReadOnlyList<string> Documents => Checked.Documents;

    public DateOnly BirthDate => Checked.BirthDate;

    public int Age => Checked.Age;
}
