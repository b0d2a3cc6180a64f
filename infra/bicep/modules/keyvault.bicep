// Key Vault (RBAC mode) holding GapMonitor's secrets; the Function App reads them through
// Key Vault references resolved with its managed identity.

import { tagSet } from 'types.bicep'

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the vault.')
param tags tagSet

@description('Name of the secret holding the admin API key.')
param adminApiKeySecretName string

@description('Admin API key of the GapMonitor HTTP API.')
@secure()
param adminApiKey string

@description('Name of the secret holding the SMTP password.')
param smtpPasswordSecretName string

@description('SMTP password; no secret is created when empty.')
@secure()
param smtpPassword string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource adminApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: adminApiKeySecretName
  properties: {
    value: adminApiKey
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
@description('Vault URI, ending in a slash.')
output uri string = vault.properties.vaultUri
