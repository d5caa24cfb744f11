namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The test run's PostgreSQL and RabbitMQ, as deploy/test.sh exports them. Without them the tests
/// fail and say how to run them; they never skip.
/// </summary>
internal sealed record TestServers(string Postgres, Uri RabbitMq, Uri RabbitManagement)
{
    public static TestServers FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("VISITATION_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("VISITATION_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("VISITATION_TEST_RABBITMQ_MANAGEMENT");
        if (string.IsNullOrEmpty(postgres) || string.IsNullOrEmpty(rabbit) || string.IsNullOrEmpty(management))
        {
            throw new InvalidOperationException(
                "The console's browser tests need the test run's PostgreSQL and RabbitMQ (VISITATION_TEST_POSTGRES, " +
                "VISITATION_TEST_RABBITMQ, VISITATION_TEST_RABBITMQ_MANAGEMENT). Run them with `bash deploy/test.sh`, which starts the servers.");
        }

        return new TestServers(postgres, new Uri(rabbit), new Uri(management));
    }
}
