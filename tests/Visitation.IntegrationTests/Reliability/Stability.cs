namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Tests kept out of the CI run (deploy/test.sh) and run by <c>deploy/test.sh --crash-windows</c>:
/// after RabbitMQ is killed, or a publisher dies mid-round, a service's publisher can wait for ever
/// for confirms (RabbitMQ .NET client 7.2.x, rabbitmq-dotnet-client #1928/#1930), so these fail
/// in some runs and take the later tests with them. They are not counted as passes while excluded;
/// issue 10's note says what remains to make them stable.
/// </summary>
public static class Stability
{
    public const string Trait = "Stability";

    public const string UpstreamHang = "UpstreamPublishHang";
}
