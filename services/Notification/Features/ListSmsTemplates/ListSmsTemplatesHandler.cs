using Visitation.Contracts.Grpc.Notification;
using Visitation.Rules.Sms;
using Visitation.Workflow.Grpc;
using WireKind = Visitation.Contracts.Grpc.Notification.SmsKind;

namespace Visitation.Notification.Features.ListSmsTemplates;

/// <summary>
/// The registered templates as an operator previews them: the registered body, the SMS composed with
/// each variable's example, the variables' limits and each provider's code. Reference data, no
/// personal data: nothing to audit.
/// </summary>
public static class ListSmsTemplatesHandler
{
    public static ListSmsTemplatesReply Handle()
    {
        var reply = new ListSmsTemplatesReply
        {
            Signature = SmsTemplateRegistry.Signature,
            CodesAreExamples = SmsTemplateRegistry.CodesAreExamples,
        };
        reply.Templates.AddRange(SmsTemplateRegistry.All.Select(View));
        return reply;
    }

    private static SmsTemplateView View(SmsTemplateDefinition template)
    {
        var example = SmsTemplates.Compose(template.Kind, template.Variables.ToDictionary(v => v.Name, v => v.Example)).Text;
        var view = new SmsTemplateView
        {
            Kind = ProtoNames.Map<Visitation.Rules.Sms.SmsKind, WireKind>(template.Kind),
            Name = template.Name,
            Body = template.Text,
            Example = example,
            ExampleLength = SmsTemplates.LengthOf(example),
        };
        view.Variables.AddRange(template.Variables.Select(v => new SmsTemplateVariable { Name = v.Name, MaxLength = v.MaxLength, Example = v.Example, Description = v.Description }));
        view.Codes.AddRange(template.ProviderCodes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new SmsTemplateCode { Provider = c.Key, Code = c.Value }));
        return view;
    }
}
