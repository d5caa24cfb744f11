using System.Text.Json;

namespace Visitation.DevSmsGateway;

/// <summary>
/// What the gateway received, kept in memory for the API and appended to a JSON-lines file
/// (<c>SmsGateway:StorePath</c>) that a person can read. A repeated message id is accepted but
/// stored once, as a real gateway's idempotency key would.
/// </summary>
public sealed class SmsInbox(string storePath)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Lock _gate = new();
    private readonly List<ReceivedSms> _messages = [];
    private readonly Dictionary<string, int> _duplicatesByPhone = new(StringComparer.Ordinal);

    public string StorePath => storePath;

    /// <summary>Sends to <paramref name="phone"/> accepted again under a message id already seen (a resend after a crash).</summary>
    public int DuplicatesTo(string phone)
    {
        lock (_gate)
        {
            return _duplicatesByPhone.GetValueOrDefault(phone);
        }
    }

    public ReceivedSms Receive(SmsRequest request, DateTimeOffset now)
    {
        lock (_gate)
        {
            var existing = _messages.FirstOrDefault(m => m.MessageId == request.MessageId);
            if (existing is not null)
            {
                _duplicatesByPhone[existing.Phone] = _duplicatesByPhone.GetValueOrDefault(existing.Phone) + 1;
                return existing;
            }

            var sms = new ReceivedSms(request.MessageId, request.Phone, request.Text, $"DEV-{_messages.Count + 1:D6}", now);
            _messages.Add(sms);
            File.AppendAllText(storePath, JsonSerializer.Serialize(sms, Json) + Environment.NewLine);
            return sms;
        }
    }

    public ReceivedSms? Find(Guid messageId)
    {
        lock (_gate)
        {
            return _messages.FirstOrDefault(m => m.MessageId == messageId);
        }
    }

    public IReadOnlyList<ReceivedSms> All()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }
}
