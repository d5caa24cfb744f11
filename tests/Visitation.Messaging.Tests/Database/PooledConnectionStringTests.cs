using Npgsql;
using Visitation.Messaging.Database;

namespace Visitation.Messaging.Tests.Database;

/// <summary>The pool settings a service adds to the operator's connection string, and the operator's own choice winning.</summary>
public sealed class PooledConnectionStringTests
{
    [Fact]
    public void UnsetThePoolIsNotResetAndRepeatedStatementsArePrepared()
    {
        var pooled = new NpgsqlConnectionStringBuilder(DatabaseOptionsExtensions.Pooled("Host=db;Database=x;Username=u;Password=p"));

        Assert.True(pooled.NoResetOnClose);
        Assert.Equal(64, pooled.MaxAutoPrepare);
        Assert.Equal(2, pooled.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;noresetonclose=false;MAXAUTOPREPARE=0")]
    [InlineData("Host=db;Password=\"a;No Reset On Close=true\";No Reset On Close=false;Max Auto Prepare=0")]
    public void TheOperatorsChoiceWinsHoweverItIsWritten(string connectionString)
    {
        var pooled = new NpgsqlConnectionStringBuilder(DatabaseOptionsExtensions.Pooled(connectionString));

        Assert.False(pooled.NoResetOnClose);
        Assert.Equal(0, pooled.MaxAutoPrepare);
    }

    [Fact]
    public void ASemicolonInsideAQuotedPasswordIsNotTakenForTheOperatorsChoice()
    {
        var pooled = new NpgsqlConnectionStringBuilder(DatabaseOptionsExtensions.Pooled("Host=db;Password=\"x;Max Auto Prepare=0\""));

        Assert.Equal(64, pooled.MaxAutoPrepare);
        Assert.Equal("x;Max Auto Prepare=0", pooled.Password);
    }
}
