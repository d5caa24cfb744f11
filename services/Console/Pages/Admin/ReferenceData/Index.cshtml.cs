using Visitation.Console.Vocabulary;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.ReferenceData;

namespace Visitation.Console.Pages.Admin.ReferenceData;

/// <summary>
/// What reference data the console runs on: the fingerprints of the organisation and calendar files and of
/// the policy files (the same <c>sha256:</c> values each service writes into its audit when it loads them,
/// <c>ReferenceDataLoaded</c>/<c>PolicyLoaded</c>), each province's policy version, each prison's (with its
/// own overrides), the holiday years and the prisons' calendar exceptions. No service exposes its loaded
/// versions over gRPC, so this is the console's own load; every service reads the same deployed folder.
/// </summary>
public sealed class IndexModel(LoadedReferenceData loaded) : ConsolePage
{
    public LoadedReferenceData Loaded => loaded;

    public ReferenceDataSet Data => loaded.Data;

    /// <summary>Each prison with the policy that governs it (its province's, with the prison's overrides).</summary>
    public IReadOnlyList<PrisonPolicyLine> Prisons { get; private set; } = [];

    public void OnGet() =>
        Prisons = [.. Data.Prisons.Select(prison =>
        {
            var policy = Data.PolicyFor(prison.Id);
            var exceptions = prison.Areas.Sum(area => area.Exceptions?.Count ?? 0);
            return new PrisonPolicyLine(prison.Name, Data.NameOf(prison.ProvinceId), policy.Version, policy.EffectiveFrom, prison.Areas.Count, exceptions);
        })];
}

public sealed record PrisonPolicyLine(string Prison, string Province, string PolicyVersion, DateOnly EffectiveFrom, int Areas, int CalendarExceptions);
