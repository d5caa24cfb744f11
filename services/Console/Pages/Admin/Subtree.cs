using Visitation.Console.Vocabulary;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.Access;

namespace Visitation.Console.Pages.Admin;

/// <summary>
/// The organisations an administrator's pages offer: theirs and every one below it, as the services
/// compute reach (<see cref="ReferenceDataAccessPolicy.Subtree"/>). Only the choices: the service refuses
/// whatever else a tampered form sends.
/// </summary>
public static class Subtree
{
    public static IReadOnlyList<(string Id, string Name)> Of(ReferenceDataSet reference, string organisation) =>
        [.. new ReferenceDataAccessPolicy(reference).Subtree(organisation).Select(id => (id, reference.NameOf(id)))];
}
