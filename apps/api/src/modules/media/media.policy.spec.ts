import { isAcceptedImageType, isMediaKey, isPublicPurpose, objectName } from './media.policy';

describe('media policy', () => {
  it('accepts exactly JPEG, PNG, WebP and GIF', () => {
    for (const t of ['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
      expect(isAcceptedImageType(t)).toBe(true);
    for (const t of ['image/svg+xml', 'image/tiff', 'image/avif', 'text/html', '', undefined])
      expect(isAcceptedImageType(t)).toBe(false);
  });

  it('knows keys only as v4 UUIDs', () => {
    expect(isMediaKey('6f1c1d9e-8a7b-4c3d-9e2f-0a1b2c3d4e5f')).toBe(true);
    expect(isMediaKey('6F1C1D9E-8A7B-4C3D-9E2F-0A1B2C3D4E5F')).toBe(false);
    expect(isMediaKey('../6f1c1d9e-8a7b-4c3d-9e2f-0a1b2c3d4e5f')).toBe(false);
    expect(isMediaKey('6f1c1d9e-8a7b-1c3d-9e2f-0a1b2c3d4e5f')).toBe(false);
  });

  it('shards object names by the first two characters of the key', () => {
    expect(objectName('6f1c1d9e-8a7b-4c3d-9e2f-0a1b2c3d4e5f', 'thumb')).toBe(
      '6f/6f1c1d9e-8a7b-4c3d-9e2f-0a1b2c3d4e5f-thumb.webp',
    );
  });

  it('treats only avatars as public', () => {
    expect(isPublicPurpose('avatar')).toBe(true);
    expect(isPublicPurpose('post')).toBe(false);
    expect(isPublicPurpose('chat')).toBe(false);
  });
});
