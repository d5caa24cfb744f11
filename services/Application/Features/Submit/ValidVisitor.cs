using Visitation.Contracts.Grpc.Application;

namespace Visitation.Application.Features.Submit;

/// <summary>A visitor as validated: the request's input, its vocabularies as the rules' codes, and the facts the rest of the submission needs.</summary>
/// <param name="Relation">The relation's code, e.g. "maternal_grandfather".</param>
/// <param name="Documents">The documents' codes, e.g. "household_register".</param>
public sealed record ValidVisitor(VisitorInput Input, string Relation, IReadOnlyList<string> Documents, DateOnly BirthDate, int Age);
