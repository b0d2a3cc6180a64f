// GapMonitor on Azure (azd): a resource group holding a Flex Consumption Function App that runs as
// a user-assigned managed identity, its storage, Key Vault, Log Analytics and Application Insights.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for all resources; it must offer Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; defaults to rg-<environmentName>.')
param resourceGroupName string = ''

@description('Admin API key of the GapMonitor HTTP API (stored in Key Vault). At least 32 characters.')
@secure()
@minLength(32)
param adminApiKey string

@description('SMTP server for alert email; leave empty to skip email delivery configuration.')
param smtpHost string = ''

@description('SMTP port (587 = STARTTLS submission).')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('SMTP user name.')
param smtpUserName string = ''

@description('SMTP password (stored in Key Vault when not empty).')
@secure()
param smtpPassword string = ''

@description('Sender address of alert email.')
param smtpFrom string = ''

@description('NCRONTAB schedule of the sweep (pull, evaluate, alert).')
param sweepSchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule of outbox delivery (email, webhooks).')
param deliverySchedule string = '*/20 * * * * *'

@description('NCRONTAB schedule of telemetry pulls from customer sources.')
param pullSchedule string = '0 */5 * * * *'

@description('Public address of the service, the base of action links ({publicBaseUrl}/act/{token}); default: the function app\'s azurewebsites.net address.')
param publicBaseUrl string = ''

@description('Email address for the watchdog alerts (no sweep completed, notifications given up); empty: the rules fire without notifying anyone.')
param alertEmail string = ''

@description('Days pushed telemetry blobs are kept after their last change (a lifecycle rule deletes them; the pull folds them within minutes).')
@minValue(1)
param pushedRetentionDays int = 7

@description('Days batch-id markers of pushed telemetry are kept (the lifecycle rule uses at least pushedRetentionDays).')
@minValue(1)
param pushedMarkerRetentionDays int = 30

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-gapmonitor-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var deploymentContainerName = 'deployments'
var pushedContainerName = 'pushedtelemetry'
var adminApiKeySecretName = 'gapmonitor-admin-api-key'
var smtpPasswordSecretName = 'gapmonitor-smtp-password'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-gapmonitor-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    tableNames: ['systems', 'history', 'apikeys', 'idempotency', 'drift', 'sources', 'archive']
    containerNames: ['references', 'telemetry', 'driftreports', pushedContainerName, deploymentContainerName]
    pushedContainerName: pushedContainerName
    pushedRetentionDays: pushedRetentionDays
    pushedMarkerRetentionDays: pushedMarkerRetentionDays
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module watchdogAlerts 'modules/watchdog-alerts.bicep' = {
  name: 'watchdog-alerts'
  scope: rg
  // The component's name is known up front; the rules need the component itself to exist.
  dependsOn: [monitoring]
  params: {
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    namePrefix: 'gapmonitor-${resourceToken}'
    alertEmail: alertEmail
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    adminApiKeySecretName: adminApiKeySecretName
    adminApiKey: adminApiKey
    smtpPasswordSecretName: smtpPasswordSecretName
    smtpPassword: smtpPassword
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  // The names are known up front; the principal id exists only once the identity does.
  dependsOn: [storage, keyVault, monitoring]
  params: {
    #disable-next-line what-if-short-circuiting
    principalId: identity.outputs.principalId
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
  }
}

var smtpPasswordSetting = empty(smtpPassword)
  ? {}
  : { GapMonitor__Email__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${smtpPasswordSecretName})' }

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  // Key Vault references and identity-based storage only resolve once the roles exist.
  dependsOn: [roles]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobServiceUri: storage.outputs.blobServiceUri
    queueServiceUri: storage.outputs.queueServiceUri
    tableServiceUri: storage.outputs.tableServiceUri
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    gapMonitorSettings: union(smtpPasswordSetting, {
      GapMonitor__Storage__TableServiceUri: storage.outputs.tableServiceUri
      GapMonitor__Storage__BlobServiceUri: storage.outputs.blobServiceUri
      GapMonitor__Storage__ManagedIdentityClientId: identity.outputs.clientId
      // The sweep fans out through this queue. The queue trigger's connection (GapMonitorStorage) and queue name
      // (GapMonitorSweepQueue) are flat app settings: the scale controller does not resolve 'Section:Key' names.
      // The worker's enqueue side reads the same two settings (aliases of GapMonitor__Storage__QueueServiceUri / __SweepQueue).
      GapMonitorStorage__queueServiceUri: storage.outputs.queueServiceUri
      GapMonitorStorage__credential: 'managedidentity'
      GapMonitorStorage__clientId: identity.outputs.clientId
      GapMonitorSweepQueue: 'sweep-shards'
      GapMonitor__AdminApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${adminApiKeySecretName})'
      GapMonitor__Email__Smtp__Host: smtpHost
      GapMonitor__Email__Smtp__Port: string(smtpPort)
      GapMonitor__Email__Smtp__UserName: smtpUserName
      GapMonitor__Email__Smtp__From: smtpFrom
      GapMonitor__Webhooks__AllowPrivateNetworks: 'false'
      GapMonitor__SweepSchedule: sweepSchedule
      GapMonitor__DeliverySchedule: deliverySchedule
      GapMonitor__PullSchedule: pullSchedule
      // The storage account's lifecycle rules delete pushed blobs and markers; the app's own collector stays off.
      GapMonitor__Retention__DeletePushedBlobs: 'false'
      // A batch id whose data blob is missing past this age counts as collected (a duplicate), as the lifecycle rule deletes it.
      GapMonitor__Retention__PushedDays: string(pushedRetentionDays)
      GapMonitor__Retention__PushedMarkerDays: string(max(pushedMarkerRetentionDays, pushedRetentionDays))
      GapMonitor__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${functionAppName}.azurewebsites.net' : publicBaseUrl
    })
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}/api'
output GAPMONITOR_API_URL string = 'https://${functionApp.outputs.defaultHostName}/api'
output GAPMONITOR_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output GAPMONITOR_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
