using System.Text.Json.Nodes;

namespace Visitation.Rules.Policies;

/// <summary>
/// A prison's departures from its province's policy. Kept as the JSON fields the prison set, not as
/// a typed copy, so that "a field it does not mention" and "a field set to its default" stay
/// distinguishable: only the fields present replace the province's.
/// </summary>
public sealed record PrisonOverride(string ProvinceId, string PrisonId, JsonObject Fields);
