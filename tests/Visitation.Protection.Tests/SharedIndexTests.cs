using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Visitation.Protection.Keys;

namespace Visitation.Protection.Tests;

/// <summary>
/// A blind-index key shared by two services (the visitor key of the application and prison-approval
/// services, docs/data-minimisation.md): both compute the same value for the same number, while
/// everything else about their rings stays their own.
/// </summary>
public sealed class SharedIndexTests
{
    private const string Id = "11010519491231002X";
    private const string Visitor = "visitor";
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    [Fact]
    public void TwoServicesHoldingTheSharedKeyComputeTheSameVisitorKeyWhileTheirOwnIndexesDiffer()
    {
        var shared = Secret();
        var application = TestKeys.Protector(ServiceRing(ownIndex: Secret(), (Visitor, shared)));
        var prison = TestKeys.Protector(ServiceRing(ownIndex: Secret(), (Visitor, shared)));
        var outsider = TestKeys.Protector(ServiceRing(ownIndex: Secret()));

        Assert.Equal(application.BlindIndex(Id, Visitor), prison.BlindIndex(Id, Visitor));
        Assert.NotEqual(application.BlindIndex("110105194912310038", Visitor), prison.BlindIndex(Id, Visitor));
        // Without the shared key the same purpose falls to a service's own key: no match is possible.
        Assert.NotEqual(application.BlindIndex(Id, Visitor), outsider.BlindIndex(Id, Visitor));
        Assert.NotEqual(application.BlindIndex(Id, "id-number"), prison.BlindIndex(Id, "id-number"));
        // And the two services' own encryption keys stay apart: one cannot open the other's values.
        Assert.Throws<CryptographicException>(() => prison.Open(application.Seal(Id, "relatives.id_number:1"), "relatives.id_number:1"));
    }

    [Fact]
    public void TheSharedKeyIsReadFromTheKeyFileAndAShortOneIsRefused()
    {
        var ring = ServiceRing(ownIndex: Secret(), (Visitor, Secret()));
        var path = Path.Combine(Path.GetTempPath(), $"protection-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(ring, Json));
        try
        {
            var resolved = KeyFile.Resolve(new ProtectionOptions { KeyFile = path });

            Assert.Equal([Visitor], KeyRing.From(resolved).SharedIndexNames);
            Assert.Equal(TestKeys.Protector(ring).BlindIndex(Id, Visitor), TestKeys.Protector(resolved).BlindIndex(Id, Visitor));
        }
        finally
        {
            File.Delete(path);
        }

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRing.From(ServiceRing(ownIndex: Secret(), (Visitor, Convert.ToBase64String(new byte[16])))));
        Assert.Contains("SharedIndexes:visitor", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AServiceGivenOnlyTheKeyFileStartsWithTheSharedKeyItHolds()
    {
        var ring = ServiceRing(ownIndex: Secret(), (Visitor, Secret()));
        var path = Path.Combine(Path.GetTempPath(), $"protection-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(ring, Json));
        try
        {
            // As deploy/run.sh starts the services: the key file named, nothing inline.
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration["Protection:KeyFile"] = path;
            builder.AddFieldProtection<EntityFramework.PeopleContext>(Visitor);
            using var services = builder.Services.BuildServiceProvider();

            Assert.Equal(TestKeys.Protector(ring).BlindIndex(Id, Visitor), services.GetRequiredService<FieldProtector>().BlindIndex(Id, Visitor));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ASharedKeyBeingRotatedGivesTheNewIndexFirstThenTheOldOneAndTheKeyFileCarriesBoth()
    {
        var (old, replacement) = (Secret(), Secret());
        var rotating = ServiceRing(ownIndex: Secret(), (Visitor, replacement));
        rotating.SharedIndexes[Visitor].Previous = new IndexKeyOptions { Secret = old };
        var path = Path.Combine(Path.GetTempPath(), $"protection-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(rotating, Json));
        try
        {
            var protector = TestKeys.Protector(KeyFile.Resolve(new ProtectionOptions { KeyFile = path }));
            var before = TestKeys.Protector(ServiceRing(ownIndex: Secret(), (Visitor, old)));
            var after = TestKeys.Protector(ServiceRing(ownIndex: Secret(), (Visitor, replacement)));

            Assert.Equal([after.BlindIndex(Id, Visitor), before.BlindIndex(Id, Visitor)], protector.BlindIndexes(Id, Visitor));
            Assert.Equal(after.BlindIndex(Id, Visitor), protector.BlindIndex(Id, Visitor));
            Assert.True(protector.IsRotating(Visitor));
            Assert.False(after.IsRotating(Visitor));
            Assert.Equal([after.BlindIndex(Id, Visitor)], after.BlindIndexes(Id, Visitor));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AServicesOwnIndexKeyHasNoPreviousVersion()
    {
        var ring = ServiceRing(ownIndex: Secret());
        ring.Index.Previous = new IndexKeyOptions { Secret = Secret() };

        var refused = Assert.Throws<InvalidOperationException>(() => KeyRing.From(ring));

        Assert.Contains("Protection:Index:Previous", refused.Message, StringComparison.Ordinal);
    }

    private static ProtectionOptions ServiceRing(string ownIndex, params (string Name, string Secret)[] shared)
    {
        var ring = TestKeys.Ring(1, TestKeys.Key(1));
        ring.Index.Secret = ownIndex;
        foreach (var (name, secret) in shared)
        {
            ring.SharedIndexes[name] = new IndexKeyOptions { Secret = secret };
        }

        return ring;
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
