namespace PtHub.Silo.Messaging;

/// <summary>One clinic's own channels (<c>PtHub:Communication:Clinics:{clinicId}</c>); an unset one falls back to the default.</summary>
public sealed class ClinicChannelOptions
{
    public EmailOptions? Email { get; set; }

    public SmsOptions? Sms { get; set; }
}
