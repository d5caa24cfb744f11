namespace Visitation.Messaging.Tests.Failover;

/// <summary>The broker's connection string: one node as before, or the nodes of a cluster in the host part.</summary>
public sealed class BrokerAddressTests
{
    [Fact]
    public void ASingleNodeAddressReadsAsBeforeWithItsVirtualHostAndCredentials()
    {
        var broker = BrokerAddress.Parse("amqp://guest:guest@127.0.0.1:26672/it0123");

        Assert.Equal([new BrokerNode("127.0.0.1", 26672)], broker.Nodes);
        Assert.Equal(("guest", "guest", "it0123"), (broker.Username, broker.Password, broker.VirtualHost));
    }

    [Fact]
    public void AClusterAddressListsItsNodesInTheOrderGiven()
    {
        var broker = BrokerAddress.Parse("amqp://svc:p%40ss@127.0.0.1:29692,127.0.0.1:29672,rabbit-b/run%2F1");

        Assert.Equal([new BrokerNode("127.0.0.1", 29692), new BrokerNode("127.0.0.1", 29672), new BrokerNode("rabbit-b", 5672)], broker.Nodes);
        Assert.Equal(("svc", "p@ss", "run/1"), (broker.Username, broker.Password, broker.VirtualHost));
    }

    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:26672/")]
    [InlineData("amqp://guest:guest@127.0.0.1:26672")]
    public void NoVirtualHostIsTheDefaultOne(string connectionString) =>
        Assert.Equal("/", BrokerAddress.Parse(connectionString).VirtualHost);

    [Theory]
    [InlineData("http://127.0.0.1:26672/")]
    [InlineData("amqp://guest:guest@127.0.0.1:26672,:26682/")]
    [InlineData("amqp://guest:guest@127.0.0.1:port/")]
    public void AnAddressThatNamesNoUsableNodeIsRefused(string connectionString) =>
        Assert.Throws<FormatException>(() => BrokerAddress.Parse(connectionString));
}
