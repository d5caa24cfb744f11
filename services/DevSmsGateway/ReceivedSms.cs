namespace Visitation.DevSmsGateway;

public sealed record ReceivedSms(Guid MessageId, string Phone, string Text, string GatewayId, DateTimeOffset ReceivedAt);

public sealed record SmsRequest(Guid MessageId, string Phone, string Text);
