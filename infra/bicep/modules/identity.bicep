// The user-assigned managed identity the Function App runs as: storage, Key Vault references,
// Application Insights ingestion and (after the customer's handover) customer data all use it.

import { tagSet } from 'types.bicep'

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the identity.')
param tags tagSet

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
