using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Visitation.Notification.Features.Deliver;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Tests.Providers;

/// <summary>
/// Which account serves which province, and the start-up validation that refuses a configuration that
/// would fail at the first SMS — without ever repeating a secret.
/// </summary>
public sealed class SmsProvidersConfigurationTests
{
    private static readonly ReferenceDataSet Reference = new(
        [new Province("shanxi", "山西省"), new Province("ningxia", "宁夏回族自治区")],
        [new CountyBureau("yanhu", "运城市盐湖区司法局", "shanxi"), new CountyBureau("xixia", "银川市西夏区司法局", "ningxia")],
        [new JudicialOffice("jiezhou", "盐湖区解州镇司法所", "yanhu"), new JudicialOffice("xingqing", "西夏区兴泾镇司法所", "xixia")],
        [], [], [], new Visitation.Rules.Policies.PolicySet([], []));

    private static SmsProvidersOptions TwoProvinces() => new()
    {
        Accounts =
        {
            ["aliyun-shanxi"] = SmsTestValues.Aliyun(new Uri("http://127.0.0.1:1/"), secret: "aliyun-secret-never-logged"),
            ["tencent-ningxia"] = SmsTestValues.Tencent(new Uri("http://127.0.0.1:2/"), secret: "tencent-secret-never-logged"),
        },
        Provinces = { ["shanxi"] = "aliyun-shanxi", ["ningxia"] = "tencent-ningxia" },
    };

    private static SmsProviderDirectory Registry(SmsProvidersOptions options)
    {
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new SmsProviderDirectory(Options.Create(options), Options.Create(new SmsGatewayOptions()), services.GetRequiredService<IHttpClientFactory>(), Reference, new FakeTimeProvider());
    }

    private static ValidateOptionsResult Validate(SmsProvidersOptions options, string environment = "Development") =>
        new SmsProvidersOptionsValidator(new Environment(environment)).Validate(null, options);

    [Fact]
    public void AnOfficeIsServedByTheAccountOfItsCountysProvinceAndAnUnplacedOneByTheDefault()
    {
        var registry = Registry(TwoProvinces());

        Assert.IsType<AliyunSmsProvider>(registry.ForOffice("jiezhou"));
        Assert.Equal("aliyun-shanxi", registry.ForOffice("jiezhou").Name);
        Assert.IsType<TencentSmsProvider>(registry.ForOffice("xingqing"));
        Assert.IsType<DevGatewaySmsProvider>(registry.ForOffice("an-office-the-reference-data-does-not-know"));
        Assert.Equal(["aliyun-shanxi", "tencent-ningxia", SmsProvidersOptions.DevGatewayAccount], registry.All.Select(p => p.Name));
        Assert.Null(registry.Named("an-account-no-longer-configured"));
    }

    [Fact]
    public void WithNothingConfiguredEveryProvinceIsServedByTheDevelopmentGateway()
    {
        var registry = Registry(new SmsProvidersOptions());

        Assert.IsType<DevGatewaySmsProvider>(registry.ForOffice("jiezhou"));
        Assert.Equal(SmsProvidersOptions.DevGatewayAccount, registry.Named(SmsProvidersOptions.DevGatewayAccount)!.Name);
        Assert.True(Validate(new SmsProvidersOptions(), "Production").Succeeded);
    }

    [Fact]
    public void AReceiptCallbackIsHandedOutOnlyForTheAccountsOwnToken()
    {
        var registry = Registry(TwoProvinces());

        Assert.IsType<AliyunSmsProvider>(registry.Callback("aliyun-shanxi", "0123456789abcdef0123456789abcdef"));
        Assert.Null(registry.Callback("aliyun-shanxi", "fedcba9876543210fedcba9876543210"));
        Assert.Null(registry.Callback("aliyun-shanxi", null));
        Assert.Null(registry.Callback("no-such-account", "0123456789abcdef0123456789abcdef"));
        Assert.Null(registry.Callback(SmsProvidersOptions.DevGatewayAccount, "0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public void ATwoProvinceConfigurationIsValidOutsideProduction()
    {
        Assert.True(Validate(TwoProvinces()).Succeeded);
    }

    [Fact]
    public void AProvinceServedByNoAccountAndAnAccountWithoutItsKeysAreRefusedWithoutRepeatingASecret()
    {
        var options = TwoProvinces();
        options.Provinces["gansu"] = "aliyun-gansu";
        options.Accounts["tencent-ningxia"].SdkAppId = null;
        options.Accounts["aliyun-shanxi"].KeyId = null;
        options.Accounts["aliyun-shanxi"].CallbackToken = "short";

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("SmsProviders:Provinces:gansu names 'aliyun-gansu', which is not an account.", result.Failures);
        Assert.Contains("SmsProviders:Accounts:tencent-ningxia needs Tencent's SdkAppId.", result.Failures);
        Assert.Contains("SmsProviders:Accounts:aliyun-shanxi needs KeyId and KeySecret.", result.Failures);
        Assert.Contains(result.Failures ?? [], f => f.Contains("CallbackToken is shorter", StringComparison.Ordinal));
        Assert.DoesNotContain("never-logged", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("short", result.FailureMessage.Replace("shorter", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void AlibabaCannotBeSetToPollForReceipts()
    {
        var options = TwoProvinces();
        options.Accounts["aliyun-shanxi"].PollReceipts = true;

        Assert.Contains(Validate(options).Failures ?? [], f => f.Contains("aliyun-shanxi", StringComparison.Ordinal) && f.Contains("PollReceipts", StringComparison.Ordinal));
    }

    [Fact]
    public void ProductionRefusesAnAccountThatWouldSendTheRegistrysExampleCodes()
    {
        var options = TwoProvinces();
        foreach (var kind in Enum.GetNames<Visitation.Rules.Sms.SmsKind>())
            options.Accounts["aliyun-shanxi"].TemplateCodes[kind] = "SMS_2" + kind.Length;

        var result = Validate(options, "Production");

        Assert.Equal([$"SmsProviders:Accounts:tencent-ningxia would send the registry's example template codes for {string.Join(", ", Enum.GetNames<Visitation.Rules.Sms.SmsKind>())}: set TemplateCodes to the codes the provider approved."], result.Failures);
    }

    [Fact]
    public void TheSectionBindsFromConfigurationAsDocumented()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmsProviders:Accounts:aliyun-shanxi:Provider"] = "Aliyun",
            ["SmsProviders:Accounts:aliyun-shanxi:KeyId"] = "LTAI-id",
            ["SmsProviders:Accounts:aliyun-shanxi:KeySecret"] = "secret",
            ["SmsProviders:Accounts:aliyun-shanxi:SignName"] = "远程视频会见",
            ["SmsProviders:Accounts:aliyun-shanxi:TemplateCodes:Scheduled"] = "SMS_123456789",
            ["SmsProviders:Provinces:shanxi"] = "aliyun-shanxi",
        }).Build();

        var options = configuration.GetSection(SmsProvidersOptions.Section).Get<SmsProvidersOptions>()!;

        Assert.Equal(SmsProviderKind.Aliyun, options.Accounts["aliyun-shanxi"].Provider);
        Assert.Equal("SMS_123456789", options.Accounts["aliyun-shanxi"].TemplateCodes["Scheduled"]);
        Assert.Equal("aliyun-shanxi", options.Provinces["shanxi"]);
        Assert.True(Validate(options).Succeeded);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Visitation.Notification";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
