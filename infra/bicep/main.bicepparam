using 'main.bicep'

// azd sets AZURE_ENV_NAME and AZURE_LOCATION; the rest come from `azd env set NAME value`.
// GAPMONITOR_ADMIN_API_KEY has no default: provisioning stops until one is set (see docs/azure.md).
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'gapmonitor')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param resourceGroupName = readEnvironmentVariable('AZURE_RESOURCE_GROUP', '')

param adminApiKey = readEnvironmentVariable('GAPMONITOR_ADMIN_API_KEY')

param smtpHost = readEnvironmentVariable('GAPMONITOR_SMTP_HOST', '')
param smtpPort = int(readEnvironmentVariable('GAPMONITOR_SMTP_PORT', '587'))
param smtpUserName = readEnvironmentVariable('GAPMONITOR_SMTP_USERNAME', '')
param smtpPassword = readEnvironmentVariable('GAPMONITOR_SMTP_PASSWORD', '')
param smtpFrom = readEnvironmentVariable('GAPMONITOR_SMTP_FROM', '')

param sweepSchedule = readEnvironmentVariable('GAPMONITOR_SWEEP_SCHEDULE', '0 */1 * * * *')
param deliverySchedule = readEnvironmentVariable('GAPMONITOR_DELIVERY_SCHEDULE', '*/20 * * * * *')
param pullSchedule = readEnvironmentVariable('GAPMONITOR_PULL_SCHEDULE', '0 */5 * * * *')

param publicBaseUrl = readEnvironmentVariable('GAPMONITOR_PUBLIC_BASE_URL', '')

param pushedRetentionDays = int(readEnvironmentVariable('GAPMONITOR_PUSHED_RETENTION_DAYS', '7'))
param pushedMarkerRetentionDays = int(readEnvironmentVariable('GAPMONITOR_PUSHED_MARKER_RETENTION_DAYS', '30'))

param alertEmail = readEnvironmentVariable('GAPMONITOR_ALERT_EMAIL', '')
