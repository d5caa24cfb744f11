using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Visitation.Workflow.ReferenceData;

/// <summary>
/// Reads <c>organisations.json</c>, every <c>holidays/*.json</c> and every <c>policies/*.json</c> from the reference-data folder
/// (<c>ReferenceData:Path</c>, default: the copy beside the service's binaries).
/// </summary>
public static class ReferenceDataLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static ReferenceDataSet Load(IConfiguration configuration) =>
        LoadFrom(configuration["ReferenceData:Path"] ?? Path.Combine(AppContext.BaseDirectory, "reference-data"));

    public static ReferenceDataSet LoadFrom(string folder)
    {
        var organisations = Read<OrganisationsFile>(Path.Combine(folder, "organisations.json"));
        var holidays = Directory.GetFiles(Path.Combine(folder, "holidays"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(Read<HolidayYear>)
            .ToList();
        var policies = Directory.GetFiles(Path.Combine(folder, "policies"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(file => PolicyJson.Parse(File.ReadAllText(file)))
            .Aggregate(new PolicySet([], []), (all, one) => all.Union(one));
        return new ReferenceDataSet(organisations.Provinces, organisations.Counties, organisations.Offices, organisations.Venues, organisations.Prisons, holidays, policies);
    }

    private static T Read<T>(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
    }

    private sealed record OrganisationsFile(
        IReadOnlyList<Province> Provinces,
        IReadOnlyList<CountyBureau> Counties,
        IReadOnlyList<JudicialOffice> Offices,
        IReadOnlyList<Venue> Venues,
        IReadOnlyList<Prison> Prisons);
}
